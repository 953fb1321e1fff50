// Boot: starts loading the map data, then decides the first screen (a link's game, the resumed save, or the title).
import { Scene } from 'phaser';
import { loadCountries } from '../map/atlas.js';
import { startup } from '../session.js';
import { parseStartParams } from '../urlParams.js';

export class BootScene extends Scene {
  constructor() {
    super('boot');
  }

  create(): void {
    this.cameras.main.setBackgroundColor(0x0d1620);
    void loadCountries();
    void startup(parseStartParams(window.location.search));
  }
}
