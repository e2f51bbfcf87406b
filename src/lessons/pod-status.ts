/**
 * The STATUS column of `kubectl get pods`, so that a `podCount` check with `status: Running`
 * means exactly what the learner sees in the terminal: the printers' own function, re-exported.
 */
export { podStatus as podStatusColumn } from '../sim/kinds/printing/pod-status';
