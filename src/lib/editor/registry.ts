/** The node types the editor offers, from the shared registry (no tfjs is loaded by it). */
export { getNodeType, nodeTypes } from '../../../nodes/registry';
