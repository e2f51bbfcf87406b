/**
 * The default pages of the stock web servers, so that an httpGet probe (or a request) to nginx
 * or httpd gets their status codes: 200 for the index, 404 for anything else.
 */
import { pathOnly, toRequest } from './http';
import type { HttpAnswer, HttpRequest } from './types';

const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** nginx's default server (/usr/share/nginx/html). The 404 page's version line is left out. */
export function nginxHttp(raw: HttpRequest | string): HttpAnswer {
  const p = pathOnly(toRequest(raw).path);
  if (p === '/' || p === '/index.html') return { status: 200, contentType: 'text/html', body: NGINX_INDEX };
  return { status: 404, contentType: 'text/html', body: '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n' };
}

/** httpd's htdocs/index.html. */
export function httpdHttp(raw: HttpRequest | string): HttpAnswer {
  const p = pathOnly(toRequest(raw).path);
  if (p === '/' || p === '/index.html') return { status: 200, contentType: 'text/html', body: '<html><body><h1>It works!</h1></body></html>\n' };
  return { status: 404, contentType: 'text/html; charset=iso-8859-1', body: `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n` };
}
