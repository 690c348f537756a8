export {
  ServerExitedError,
  type ServerProcess,
  type StartOptions,
  startBuiltServerProcess,
  startServerProcess,
} from './server-process.js';
