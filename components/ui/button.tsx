import { Slot } from "@radix-ui/react-slot";
import { clsx } from "clsx";
import type { ComponentProps } from "react";

const variants = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-stone-400",
  secondary:
    "border border-stone-300 bg-white text-stone-900 hover:bg-stone-100 disabled:text-stone-400",
  ghost: "text-stone-700 hover:bg-stone-100",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-stone-400",
} as const;

// 44 px minimum height: a comfortable touch target on a phone. Sizes and variants never set
// the same property twice, so plain clsx joins them: no tailwind-merge in the browser bundle.
const sizes = {
  default: "min-h-11 px-4 text-sm",
  compact: "min-h-11 px-3 text-sm",
  large: "min-h-14 px-4 text-base",
} as const;

export type ButtonProps = ComponentProps<"button"> & {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
  /** Render the child element (a Link, say) with button styling. */
  asChild?: boolean;
};

export function Button({
  className,
  variant = "primary",
  size = "default",
  asChild,
  ...props
}: ButtonProps) {
  const Component = asChild ? Slot : "button";
  return (
    <Component
      className={clsx(
        "inline-flex items-center justify-center gap-2 rounded-lg font-medium transition-colors disabled:cursor-not-allowed",
        sizes[size],
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}
