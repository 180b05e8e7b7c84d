using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.LocalChat;

/// <summary>Talks to the local Direct Line emulation the way Web Chat does when polling.</summary>
internal sealed class DirectLineTestClient(HttpClient http)
{
    private readonly List<JObject> _backlog = [];

    public const string Question = "Is Phi-2 licensed for commercial use?";

    public string ConversationId { get; private set; } = "";

    public string Token { get; private set; } = "";

    /// <summary>The watermark of the last poll, sent with the next one.</summary>
    public string? Watermark { get; private set; }

    /// <summary>POST /v3/directline/conversations, with a token from tokens/generate when there is one.</summary>
    public async Task<(HttpStatusCode Status, JObject Body)> StartAsync(string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        ConversationId = body.Value<string>("conversationId")!;
        Token = body.Value<string>("token")!;
        return (response.StatusCode, body);
    }

    public async Task<JObject> GenerateTokenAsync(string userId)
    {
        using var response = await http.PostAsync("v3/directline/tokens/generate", Json(new JObject { ["user"] = new JObject { ["id"] = userId, ["name"] = "Tester" } }));
        response.EnsureSuccessStatusCode();
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a message as Web Chat does, with <c>channelData.clientActivityID</c>; returns the activity id.</summary>
    public async Task<string> SendAsync(string text, string clientActivityId)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "en-US",
            ["from"] = new JObject { ["id"] = "tester", ["name"] = "Tester", ["role"] = "user" },
            ["channelData"] = new JObject { ["clientActivityID"] = clientActivityId, ["clientTimestamp"] = "2024-01-07T10:00:00.000Z" },
        };
        using var response = await SendAsync(HttpMethod.Post, $"v3/directline/conversations/{ConversationId}/activities", Token, activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("id")!;
    }

    /// <summary>One poll from <see cref="Watermark"/> on; remembers the new watermark.</summary>
    public async Task<JArray> PollAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, $"v3/directline/conversations/{ConversationId}/activities?watermark={Watermark}", Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Watermark = body.Value<string>("watermark");
        return (JArray)body["activities"]!;
    }

    /// <summary>
    /// The next activity that matches, from those already polled but not yet waited for, then polling as Web Chat
    /// would; activities before the match are passed over. Fails after 15 s.
    /// </summary>
    public async Task<JObject> WaitForAsync(Func<JObject, bool> match)
    {
        var deadline = TimeSpan.FromSeconds(15);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var seen = new JArray();
        while (true)
        {
            var at = _backlog.FindIndex(a => match(a));
            if (at >= 0)
            {
                var found = _backlog[at];
                _backlog.RemoveRange(0, at + 1);
                return found;
            }

            if (clock.Elapsed > deadline)
            {
                Assert.Fail($"No matching activity within {deadline.TotalSeconds} s; got: {seen}");
            }

            seen.Merge(new JArray(_backlog));
            _backlog.Clear();
            await Task.Delay(100);
            _backlog.AddRange((await PollAsync()).Cast<JObject>());
        }
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, JObject? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Content = body is null ? null : Json(body);
        return await http.SendAsync(request);
    }

    public static StringContent Json(JObject body) => new(body.ToString(), Encoding.UTF8, "application/json");

    public static bool IsFromBot(JObject activity) => activity["from"]?.Value<string>("role") == "bot";
}
