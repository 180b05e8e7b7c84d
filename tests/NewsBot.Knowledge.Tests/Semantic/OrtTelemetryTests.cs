using System.Runtime.InteropServices;
using NewsBot.Knowledge.Semantic;

namespace NewsBot.Knowledge.Tests.Semantic;

/// <summary>ONNX Runtime reads ORT_DISABLE_TELEMETRY from the native environment: it must be there once the model has loaded.</summary>
public sealed class OrtTelemetryTests
{
    [Fact]
    public void LoadingTheModel_TurnsOnnxRuntimeTelemetryOff_InTheNativeEnvironment()
    {
        // Set by the constructor already: creating ONNX Runtime's session options starts its environment (and telemetry).
        using var embedder = new MiniLmEmbedder();
        Assert.Equal("1", Environment.GetEnvironmentVariable(OrtTelemetry.Variable));

        Assert.Equal(384, embedder.Embed("telemetry", TestContext.Current.CancellationToken).Length);

        Assert.Equal("1", Environment.GetEnvironmentVariable(OrtTelemetry.Variable));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal("1", Marshal.PtrToStringUTF8(getenv(OrtTelemetry.Variable)));
        }
    }

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
#pragma warning disable SYSLIB1054, CA2101 // A test's one look at the native environment.
    private static extern IntPtr getenv(string name);
#pragma warning restore SYSLIB1054, CA2101
}
