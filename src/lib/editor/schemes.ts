import type { GetSchemes } from 'rete';
import type { AreaPlugin } from 'rete-area-plugin';
import type { ContextMenuExtra } from 'rete-context-menu-plugin';
import type { MinimapExtra } from 'rete-minimap-plugin';
import type { SvelteArea2D } from 'rete-svelte-plugin/5';
import type { KumikiConnection, KumikiNode } from './kumiki-node.svelte';

/** The node and connection classes of the Kumiki canvas. */
export type Schemes = GetSchemes<KumikiNode, KumikiConnection>;

/** Every signal the area carries besides its own: rendering, context menu and minimap. */
export type AreaExtra = SvelteArea2D<Schemes> | ContextMenuExtra | MinimapExtra;

/** The area plugin as the Kumiki canvas configures it. */
export type KumikiArea = AreaPlugin<Schemes, AreaExtra>;
