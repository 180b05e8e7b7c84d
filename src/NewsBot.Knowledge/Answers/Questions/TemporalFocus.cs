namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>Whether a question asks for the current state of things, for how they were at first, or for neither.</summary>
internal enum TemporalFocus
{
    None,

    /// <summary>"now", "still", "currently", "latest", "these days", "anymore", "yet", "so far": the newest article on the topic should lead.</summary>
    Latest,

    /// <summary>"originally", "at first", "when it first came out", "at launch": the earliest article on the topic should lead.</summary>
    Earliest,
}
