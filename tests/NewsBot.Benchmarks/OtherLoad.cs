using System.Diagnostics;
using System.Globalization;

namespace NewsBot.Benchmarks;

/// <summary>
/// How much CPU other processes used while a measurement ran: busy time of the whole machine (<c>/proc/stat</c>)
/// less this process's CPU time, in cores. The machine is shared, and timings are comparable only when this is near
/// zero (docs/benchmarks.md keeps figures measured with others under a tenth of a core).
/// </summary>
internal sealed class OtherLoad
{
    private readonly double _machineBusy;
    private readonly TimeSpan _ownCpu;
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    private OtherLoad(double machineBusy, TimeSpan ownCpu)
    {
        _machineBusy = machineBusy;
        _ownCpu = ownCpu;
    }

    public static OtherLoad Start() => new(MachineBusySeconds(), Process.GetCurrentProcess().TotalProcessorTime);

    /// <summary>Cores used by other processes since <see cref="Start"/>, or NaN where <c>/proc/stat</c> is missing.</summary>
    public double Cores()
    {
        var wall = _wall.Elapsed.TotalSeconds;
        var own = (Process.GetCurrentProcess().TotalProcessorTime - _ownCpu).TotalSeconds;
        return wall <= 0 ? double.NaN : Math.Max(0, MachineBusySeconds() - _machineBusy - own) / wall;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"others {Cores():F2} cores");

    private static double MachineBusySeconds()
    {
        if (!File.Exists("/proc/stat"))
        {
            return double.NaN;
        }

        // cpu  user nice system idle iowait irq softirq steal ...: busy is all but idle and iowait, in clock ticks (100 a second).
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields.Sum() - fields[3] - fields[4]) / 100.0;
    }
}
