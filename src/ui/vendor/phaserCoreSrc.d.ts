// Types for Phaser's CommonJS core entry, which vite.config.ts maps 'phaser-core-src' to.
declare module 'phaser-core-src' {
  const Phaser: typeof import('phaser');
  export default Phaser;
}
