/** The files of the official httpd image that learners look at (its default page). */
export const HTTPD_FILES: Record<string, string> = {
  '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n',
  '/usr/local/apache2/logs/': '',
};
