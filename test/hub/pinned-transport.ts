/** The hub tests reach the hub exactly as a station does: through the station's pinned transport. */
export { PinMismatch, pinnedTransport, type PinnedTransport } from '../../electron/core/hub/transport';
