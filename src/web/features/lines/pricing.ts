// The seam through which a pricing module's web part (modules/price-books) prices a product
// picked in the line editor, as the server would when the line's price is left out. Nothing
// registered: the editor copies the catalogue's list price into documents in the organisation
// currency, as before.

export interface PricedLine {
  product_id: number;
  quantity: string;
  /** Null: nothing prices it (the user types one). */
  unit_price: string | null;
  /** For a bundle's component: the index of its bundle in the answer. */
  bundle_of?: number;
}

/** The product's line first, then its bundle components (if any), each with its price. */
export type LinePricing = (args: { object: string; id: number; productId: number; quantity: string }) => Promise<PricedLine[]>;

let pricing: LinePricing | null = null;

export function registerLinePricing(p: LinePricing): void {
  pricing = p;
}

export function linePricing(): LinePricing | null {
  return pricing;
}
