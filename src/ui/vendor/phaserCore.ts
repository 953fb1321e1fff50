// 'phaser' in the bundle: Phaser's own core build (no physics, tilemaps, particles or sound), with named exports.
import Phaser from 'phaser-core-src';

export const { AUTO, CANVAS, WEBGL, Game, Scene, Scale, GameObjects, Cameras, Textures, Input, Tweens, Time, Events, Display, Renderer, Structs } = Phaser;
export default Phaser;
