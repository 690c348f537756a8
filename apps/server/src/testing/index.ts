export { ServerExitedError, type ServerProcess, type StartOptions, startServerProcess } from './server-process.js';
