import { oauthSignInAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { oauthProviders } from "@/lib/env";

const labels = { github: "GitHub", google: "Google" } as const;

/** Shown only for the providers whose credentials are configured. */
export function OAuthButtons({ callbackUrl }: { callbackUrl?: string }) {
  const enabled = (Object.keys(labels) as (keyof typeof labels)[]).filter((p) => oauthProviders[p]);
  if (enabled.length === 0) return null;
  return (
    <div className="mt-6 space-y-3 border-t border-stone-200 pt-6">
      {enabled.map((provider) => (
        <form key={provider} action={oauthSignInAction}>
          <input type="hidden" name="provider" value={provider} />
          {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
          <Button type="submit" variant="secondary" className="w-full">
            Continue with {labels[provider]}
          </Button>
        </form>
      ))}
    </div>
  );
}
