/** What other areas may read of page feedback: answers per page and comments (the workspace's feedback insights). */
export { answerCounts, commentsFor, type FeedbackComment } from "./repository.js";
