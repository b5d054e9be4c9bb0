// Yield to the browser between slow LMS calls so input and painting go on meanwhile.

export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
