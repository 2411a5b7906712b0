// What the page uses of GOV.UK Frontend, for tsc: written by scripts/vendor (the npm package
// ships no declarations). Each component is built on its root element.
export class Component {
  constructor($root: Element | null, config?: object);
}
export class ErrorSummary extends Component {}
export class NotificationBanner extends Component {}
export class SkipLink extends Component {}
/** Builds a component on every element in the scope (default: the document) that asks for it. */
export function createAll<C extends new ($root: Element, config?: object) => Component>(
  component: C,
  config?: object,
  scopeOrOptions?: Element | Document | null | { scope?: Element | Document | null, onError?: (error: unknown, context: object) => void },
): Array<InstanceType<C>>;
