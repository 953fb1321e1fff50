// Title: the bundled scenarios with their summaries, open a scenario file, continue a saved game, messages.
import { catalogNow, loadCatalog } from '../catalog.js';
import { CSS } from '../theme.js';
import { TitleView } from '../titleView.js';
import { BaseScene } from './BaseScene.js';

export class TitleScene extends BaseScene {
  constructor() {
    super('title');
  }

  protected build(): void {
    const catalog = catalogNow();
    if (catalog) return new TitleView(this, catalog).build();
    const top = this.header('Statecraft', 'Turn-based scenarios for international-relations exercises');
    this.txt(this.W / 2, top + 80, 'Loading the scenarios…', { size: 18, color: CSS.muted, align: 'center' });
    void loadCatalog().then(() => {
      if (this.sys.isActive()) this.rebuild();
    });
  }
}
