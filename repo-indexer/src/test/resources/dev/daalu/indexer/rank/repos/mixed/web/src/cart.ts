export interface CartItem {
  sku: string;
  quantity: number;
}

export function cartTotal(items: CartItem[], prices: Map<string, number>): number {
  return items.reduce((sum, item) => sum + (prices.get(item.sku) ?? 0) * item.quantity, 0);
}
