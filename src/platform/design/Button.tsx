import type { ComponentChildren } from "preact";

export type ButtonVariant = "primary" | "secondary" | "warning";

interface CommonProps {
  variant?: ButtonVariant;
  children: ComponentChildren;
}

interface AsButton extends CommonProps {
  href?: undefined;
  type?: "submit" | "button";
  name?: string;
  value?: string;
  form?: string;
}

interface AsLink extends CommonProps {
  href: string;
}

function classes(variant: ButtonVariant = "primary"): string {
  return variant === "primary" ? "button" : `button button--${variant}`;
}

/** An action: a form button, or a link that looks like one when it only navigates. */
export function Button(props: AsButton | AsLink) {
  if (props.href !== undefined) {
    return (
      <a class={classes(props.variant)} href={props.href} draggable={false}>
        {props.children}
      </a>
    );
  }
  return (
    <button class={classes(props.variant)} type={props.type ?? "submit"} name={props.name} value={props.value} form={props.form}>
      {props.children}
    </button>
  );
}

/** A row of buttons and links at the end of a form. */
export function ButtonGroup({ children }: { children: ComponentChildren }) {
  return <div class="button-group">{children}</div>;
}
