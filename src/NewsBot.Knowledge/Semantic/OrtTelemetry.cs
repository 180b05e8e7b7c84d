using System.Runtime.InteropServices;
using System.Text;
using Microsoft.ML.OnnxRuntime;

namespace NewsBot.Knowledge.Semantic;

/// <summary>
/// ONNX Runtime sends usage telemetry of its own (seen here as connections to mobile.events.data.microsoft.com from
/// the local-mode bot). NewsBot promises no cloud, so before the model loads this sets <c>ORT_DISABLE_TELEMETRY=1</c>
/// in the process's native environment (where ONNX Runtime reads it; .NET's Environment.SetEnvironmentVariable does not
/// reach it on Linux and macOS) and turns telemetry events off through ONNX Runtime's own API. An operator who sets
/// <c>ORT_DISABLE_TELEMETRY</c> themselves is left alone.
/// </summary>
internal static partial class OrtTelemetry
{
    public const string Variable = "ORT_DISABLE_TELEMETRY";

    private static readonly Lock Gate = new();
    private static bool _done;

    public static void Disable()
    {
        lock (Gate)
        {
            if (_done)
            {
                return;
            }

            if (Environment.GetEnvironmentVariable(Variable) is null)
            {
                Environment.SetEnvironmentVariable(Variable, "1");
                if (!OperatingSystem.IsWindows())
                {
                    _ = NativeMethods.setenv(Encoding.UTF8.GetBytes(Variable + "\0"), "1\0"u8.ToArray(), 0);
                }

                OrtEnv.Instance().DisableTelemetryEvents();
            }

            _done = true;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int setenv(byte[] name, byte[] value, int overwrite);
    }
}
