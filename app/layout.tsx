import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { inter } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Runner-Up", template: "%s · Runner-Up" },
  description:
    "Keep the door open after a rejection: the people you met, personal thank-you notes, and who to keep warm.",
  applicationName: "Runner-Up",
  appleWebApp: { capable: true, title: "Runner-Up", statusBarStyle: "default" },
};

export const viewport: Viewport = {
  themeColor: "#0f6b4f",
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: the Content-Security-Policy nonce (proxy.ts) differs
  // each time, and a page prerendered at build time would carry none, so its scripts would
  // be refused.
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
