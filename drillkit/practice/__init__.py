"""Practice: quizzes and their grading, spaced review and progress, starters, the watch loop, exports."""
