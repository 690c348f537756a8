export { type AppOptions, buildApp } from './app.js';
export { type Env, EnvError, parseEnv } from './env.js';
