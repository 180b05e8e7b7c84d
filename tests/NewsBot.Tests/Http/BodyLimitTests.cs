using System.Net;
using System.Net.Http.Headers;
using NewsBot.Tests.LocalChat;

namespace NewsBot.Tests.Http;

/// <summary>
/// A 25 MB body to /api/messages over real HTTP (Kestrel on 127.0.0.1) gets 413 after at most the 256 KB limit is
/// read: the whole process allocates a few megabytes for it, not the 25 MB (and several times that as text) it took
/// when the body was read whole.
/// </summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    private const long HugeBody = 25L * 1024 * 1024;

    /// <summary>The limit is 256 KB; everything else the request costs (buffers, headers, logging) fits well inside this.</summary>
    private const long AllowedAllocation = 8L * 1024 * 1024;

    private const int Attempts = 3;

    private readonly LocalChatServer _server = new();

    public ValueTask InitializeAsync() => _server.InitializeAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TwentyFiveMegabyteBody_Gets413_WithoutTheProcessAllocatingIt(bool declaredLength)
    {
        // Warm up the path once, so that the measurement is the body's cost and not the first request's JIT.
        await SendAsync(512 * 1024, declaredLength);

        // The count is process-wide and other tests' hosts run beside this one, so the least of a few tries is the
        // request's own cost: their allocations can only add to it.
        var allocated = long.MaxValue;
        for (var attempt = 0; attempt < Attempts && allocated >= AllowedAllocation; attempt++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var status = await SendAsync(HugeBody, declaredLength);
            allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        }

        Assert.True(allocated < AllowedAllocation, $"the 25 MB request allocated at least {allocated / 1024 / 1024.0:F1} MB in each of {Attempts} tries");
    }

    private async Task<HttpStatusCode?> SendAsync(long length, bool declaredLength)
    {
        using var content = new RepeatingContent(length, declaredLength);
        try
        {
            using var response = await _server.Client.PostAsync("api/messages", content);
            return response.StatusCode;
        }
        catch (HttpRequestException e) when (e.StatusCode is null)
        {
            // The server answered and closed the connection while the client was still sending.
            return HttpStatusCode.RequestEntityTooLarge;
        }
    }

    /// <summary>A JSON-looking body of any length from one small buffer, so the client side allocates next to nothing.</summary>
    private sealed class RepeatingContent : HttpContent
    {
        private static readonly byte[] Chunk = "{\"type\":\"message\",\"text\":\""u8.ToArray().Concat(Enumerable.Repeat((byte)'x', 64 * 1024)).ToArray();
        private readonly long _length;
        private readonly bool _declaredLength;

        public RepeatingContent(long length, bool declaredLength)
        {
            _length = length;
            _declaredLength = declaredLength;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var sent = 0L; sent < _length;)
            {
                var count = (int)Math.Min(Chunk.Length, _length - sent);
                await stream.WriteAsync(Chunk.AsMemory(0, count));
                sent += count;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            // Without a length the client sends the body chunked, as a streaming attacker would.
            length = _length;
            return _declaredLength;
        }
    }
}
