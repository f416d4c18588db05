// better-sqlite3-multiple-ciphers has the better-sqlite3 API, but its exports map hides its own typings.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  export default Database;
}
