/** MongoDB. */
import { MiB } from '../metrics/usage';
import type { ImageFamily, ServerBehaviour } from './types';
import { DEBIAN } from './userland';

const mongoServer: ServerBehaviour = {
  binaries: ['mongod'],
  ports: [27017],
  timestampStyle: 'iso',
  startup: (v) => [
    [0, `{"t":{"$date":"{ts}.000+00:00"},"s":"I",  "c":"CONTROL",  "id":23285,   "ctx":"main","msg":"Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'"}`],
    [100, `{"t":{"$date":"{ts}.100+00:00"},"s":"I",  "c":"CONTROL",  "id":4615611, "ctx":"initandlisten","msg":"MongoDB starting","attr":{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"mongo"}}`],
    [150, `{"t":{"$date":"{ts}.150+00:00"},"s":"I",  "c":"CONTROL",  "id":23403,   "ctx":"initandlisten","msg":"Build Info","attr":{"buildInfo":{"version":"${v}"}}}`],
    [900, `{"t":{"$date":"{ts}.900+00:00"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}`],
  ],
  shutdown: [`{"t":{"$date":"{ts}.000+00:00"},"s":"I",  "c":"CONTROL",  "id":23377,   "ctx":"SignalHandler","msg":"Received signal","attr":{"signal":15,"error":"Terminated"}}`],
  shutdownMs: 500,
};

export const mongo: ImageFamily = {
  name: 'mongo',
  repositories: [
    {
      repository: 'docker.io/library/mongo',
      tags: { latest: [288520524, '8.0.3'], '8': [288520524, '8.0.3'], '8.0': [288520524, '8.0.3'], '7': [256770154, '7.0.15'], '7.0': [256770154, '7.0.15'], '6': [248372052, '6.0.19'], '6.0': [248372052, '6.0.19'], '4.4': [178430151, '4.4.29'], '4.4-focal': [178430151, '4.4.29'], '3.4.24': [145627880, '3.4.24'] },
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['mongod'],
      binaries: [...DEBIAN, 'mongod', 'mongosh', 'docker-entrypoint.sh'],
      server: mongoServer,
      // Idle use: mongod with WiredTiger's cache at rest.
      idle: { cpuMillis: 6, memoryBytes: 168 * MiB },
    },
  ],
};
