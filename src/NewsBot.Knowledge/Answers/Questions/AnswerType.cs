namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>The kind of fact a question asks for, read from its wording ("who" → a name, "when" → a date, ...).</summary>
internal enum AnswerType
{
    /// <summary>Nothing in particular: a yes/no question, "what happened", "tell me about".</summary>
    Any,

    /// <summary>Who, which company or person: a name.</summary>
    Name,

    /// <summary>When, what year, what date.</summary>
    Date,

    /// <summary>How many, how much, how big, what price or percentage: a number or an amount.</summary>
    Number,

    /// <summary>How much does it cost, how much was raised or invested: an amount of money.</summary>
    Money,

    /// <summary>Where: a place, a platform or a site.</summary>
    Place,

    /// <summary>Why: a cause.</summary>
    Reason,

    /// <summary>What is something ("what is claude code", "what are artifacts in claude"): a sentence that says what it is.</summary>
    Definition,
}
