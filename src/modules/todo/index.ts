/** What the 待办 module offers other modules: nothing yet (its lists are read through its routes). */
export {};
