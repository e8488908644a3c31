import { CartItem, cartTotal } from './cart';

export class Checkout {
  constructor(private readonly items: CartItem[]) {}

  total(prices: Map<string, number>): number {
    return cartTotal(this.items, prices);
  }
}
