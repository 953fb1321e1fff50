// Boot: the first screen was decided before the game loaded (a link's game, the resumed save, or the title); show it.
import { Scene } from 'phaser';
import { endEarlyTitle } from '../earlyTitle.js';
import { startRouter } from '../router.js';

export class BootScene extends Scene {
  constructor() {
    super('boot');
  }

  create(): void {
    this.cameras.main.setBackgroundColor(0x0d1620);
    const focused = endEarlyTitle();
    startRouter(this.game, focused);
  }
}
