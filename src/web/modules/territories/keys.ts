/** The query key of GET /territories/tree. */
export const TREE_KEY = ['territories', 'tree'];
