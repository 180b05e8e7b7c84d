using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace NewsBot.Benchmarks;

/// <summary>
/// A percentile of the per-iteration times, e.g. P99. BenchmarkDotNet ships P0–P100 columns in steps of
/// 5 (<see cref="StatisticColumn.P95"/>) but no P99. With one invocation per iteration each measurement is
/// one operation, so this is the per-operation percentile.
/// </summary>
internal sealed class PercentileColumn(int percentile) : IColumn
{
    public static readonly PercentileColumn P99 = new(99);

    public string Id => $"{nameof(PercentileColumn)}.P{percentile.ToString(CultureInfo.InvariantCulture)}";

    public string ColumnName => $"P{percentile.ToString(CultureInfo.InvariantCulture)}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 100;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => $"Percentile {percentile.ToString(CultureInfo.InvariantCulture)}: {percentile.ToString(CultureInfo.InvariantCulture)}% of the measurements are at or below it";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "NA";
        }

        var nanoseconds = statistics.Percentiles.Percentile(percentile);
        var unit = style.TimeUnit ?? TimeUnit.GetBestTimeUnit(nanoseconds);
        var value = (nanoseconds / unit.BaseUnits).ToString("N3", style.CultureInfo);
        return style.PrintUnitsInContent ? $"{value} {unit.Abbreviation}" : value;
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
