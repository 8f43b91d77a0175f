import { ImageResponse } from "next/og";

// PNG icons for the web app manifest and the browser tab, rendered at build time.
const icons = [
  { id: "192", size: 192, padding: 0 },
  { id: "512", size: 512, padding: 0 },
  // Maskable icons keep the mark inside the central safe zone (80%).
  { id: "maskable", size: 512, padding: 0.12 },
];

export function generateImageMetadata() {
  return icons.map(({ id, size }) => ({
    id,
    size: { width: size, height: size },
    contentType: "image/png",
  }));
}

export default async function Icon({ id }: { id: Promise<string | number> }) {
  const iconId = String(await id);
  const { size, padding } = icons.find((candidate) => candidate.id === iconId) ?? icons[0]!;
  const inner = Math.round(size * (1 - padding * 2));
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: padding ? "#0f6b4f" : "transparent",
      }}
    >
      <svg width={inner} height={inner} viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx={padding ? 0 : 7} fill="#0f6b4f" />
        <path
          d="M9 23V9h7a4.5 4.5 0 0 1 0 9h-7m7 0 5 5"
          fill="none"
          stroke="white"
          strokeWidth="2.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </div>,
    { width: size, height: size },
  );
}
