import { dirname, join } from 'node:path';

export interface DashboardAsset {
  /** The URL path it is served at. */
  path: string;
  file: string;
  contentType: string;
}

const PUBLIC_DIR = join(__dirname, 'public');

const HTML = 'text/html; charset=utf-8';
const JAVASCRIPT = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const SVG = 'image/svg+xml';

/**
 * chart.js exports only its entry points, so `require.resolve` of the UMD file itself is
 * refused (ERR_PACKAGE_PATH_NOT_EXPORTED); its CommonJS entry sits beside it in dist/.
 */
function chartJsUmd(): string {
  return join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');
}

/** graphql-ws's CommonJS entry is dist/index.cjs; the browser build is umd/ beside dist/. */
function graphqlWsUmd(): string {
  return join(dirname(require.resolve('graphql-ws')), '..', 'umd', 'graphql-ws.min.js');
}

/**
 * Every file the dashboard serves, by exact path: the page's own files and the two browser
 * libraries straight from node_modules, so their versions are the lockfile's.
 */
export function dashboardAssets(): DashboardAsset[] {
  return [
    { path: '/dashboard', file: join(PUBLIC_DIR, 'index.html'), contentType: HTML },
    {
      path: '/dashboard/dashboard.js',
      file: join(PUBLIC_DIR, 'dashboard.js'),
      contentType: JAVASCRIPT,
    },
    { path: '/dashboard/dashboard.css', file: join(PUBLIC_DIR, 'dashboard.css'), contentType: CSS },
    { path: '/dashboard/favicon.svg', file: join(PUBLIC_DIR, 'favicon.svg'), contentType: SVG },
    { path: '/dashboard/vendor/chart.umd.min.js', file: chartJsUmd(), contentType: JAVASCRIPT },
    { path: '/dashboard/vendor/graphql-ws.min.js', file: graphqlWsUmd(), contentType: JAVASCRIPT },
  ];
}
