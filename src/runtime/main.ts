// Learner runtime entry (bundled with esbuild into assets/runtime.js).
export {};
