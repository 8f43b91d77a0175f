"use client";

import { createContext, type ReactNode, useContext, useState } from "react";

// Whether the mapping form has changes the preview does not show yet: the import button waits
// until they are applied, so what gets imported is always what the page shows.

const ReviewContext = createContext<{
  mappingChanged: boolean;
  setMappingChanged: (changed: boolean) => void;
}>({ mappingChanged: false, setMappingChanged: () => {} });

export function ImportReviewProvider({ children }: { children: ReactNode }) {
  const [mappingChanged, setMappingChanged] = useState(false);
  return (
    <ReviewContext.Provider value={{ mappingChanged, setMappingChanged }}>
      {children}
    </ReviewContext.Provider>
  );
}

export function useImportReview() {
  return useContext(ReviewContext);
}
