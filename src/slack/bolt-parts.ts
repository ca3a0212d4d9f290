/**
 * The parts of Bolt kfrelease uses, from the files Bolt's index re-exports them from. Importing
 * `@slack/bolt` itself also loads its Express and AWS Lambda receivers (Express, its body parsers
 * and their dependencies: about 40 ms and 5 MiB at every start) which kfrelease never uses. Types
 * may still come from `@slack/bolt`: they cost nothing at run time.
 *
 * Socket Mode's package (and undici) loads only when an app starts in Socket Mode: the import
 * below must stay before Bolt's.
 */
import '../startup/third-party-on-demand';
export { default as App, LogLevel } from '@slack/bolt/dist/App';
export { default as HTTPReceiver } from '@slack/bolt/dist/receivers/HTTPReceiver';
/** What Bolt's index calls `webApi`: Bolt's App loads it anyway. */
export * as webApi from '@slack/web-api';
