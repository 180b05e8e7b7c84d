using Newtonsoft.Json.Linq;

namespace NewsBot.LocalChat;

/// <summary>Errors in Direct Line's shape: <c>{"error": {"code": ..., "message": ...}}</c>.</summary>
internal static class DirectLineError
{
    public static IResult Result(int statusCode, string code, string message) =>
        BotJson.Result(new JObject { ["error"] = new JObject { ["code"] = code, ["message"] = message } }, statusCode);

    public static IResult Unauthorized() =>
        Result(StatusCodes.Status401Unauthorized, "Unauthorized", "A valid Direct Line token for this conversation is required as 'Authorization: Bearer <token>'.");

    public static IResult NotFound(string what) => Result(StatusCodes.Status404NotFound, "NotFound", what);
}
