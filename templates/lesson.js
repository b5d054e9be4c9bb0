(window.scormdownLessons = window.scormdownLessons || {})[{{{lessonIdJson}}}] = {{{htmlJson}}};
