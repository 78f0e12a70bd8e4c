using Spectre.Console;
using Stm32NanoUpdater.Simulation.Campaigns;
using Stm32NanoUpdater.Simulation.TimeModel;

namespace Stm32NanoUpdater.Simulation.Reporting;

/// <summary>The campaign and time-model reports as console tables.</summary>
public static class CampaignTables
{
    public static Table PowerCuts(PowerCutReport report)
    {
        string scope = report.Exhaustive ? "every cut point" : $"{report.CutsTried:N0} of {report.CutPoints:N0} cut points, evenly spread";
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"power cuts before and in the middle of flash operations ({scope})");
        table.AddColumn(new TableColumn("step").NoWrap());
        table.AddColumn(new TableColumn("phase").NoWrap());
        foreach (string column in new[] { "cuts", "old release", "new release", "mixed", "bricks" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        string step = "";
        foreach (PhaseCutFigures phase in report.CutsByPhase)
        {
            table.AddRow(phase.Step == step ? "" : phase.Step, phase.Phase, Units.Count(phase.Cuts), Units.Count(phase.EndedOld),
                Units.Count(phase.EndedNew), Units.Count(phase.EndedMixed), Bricks(phase.Bricks));
            step = phase.Step;
        }

        table.AddRow("[bold]total[/]", "", $"[bold]{report.CutsTried:N0}[/]", $"[bold]{Units.Count(report.EndedOld)}[/]",
            $"[bold]{Units.Count(report.EndedNew)}[/]", $"[bold]{Units.Count(report.EndedMixed)}[/]", Bricks(report.Bricks, bold: true));
        table.Caption(
            $"{report.NorOperations:N0} NOR + {report.InternalOperations:N0} internal flash operations in the story; at most " +
            $"{report.MaxBootsToLand} boot(s) to run again; after a cut during a download {Units.Bytes(report.AverageRedownloadAfterDownloadCut)} " +
            $"downloaded again on average (at most {Units.Bytes(report.MaxRedownloadAfterDownloadCut)}); " +
            $"{report.WallSeconds:0.0} s of real time");
        return table;
    }

    public static Table NetworkFaults(NetworkFaultReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("network faults under the v1 → v2 update");
        table.AddColumn("fault");
        foreach (string column in new[] { "runs", "ok", "drops", "downloaded", "again / drop", "traffic", "req", "polls", "time" })
        {
            table.AddColumn(new TableColumn(column).RightAligned().NoWrap());
        }

        foreach (NetworkFaultRow row in report.Cases.Prepend(report.Reference))
        {
            string completed = row.Completed == row.Runs ? $"{row.Completed}" : $"[red]{row.Completed}[/]";
            table.AddRow(Markup.Escape(row.Case), $"{row.Runs}", completed, Units.Count(row.Drops), Units.Bytes(row.BodyBytes),
                row.Drops == 0 ? "–" : Units.Bytes(row.ExtraBytesPerDrop), Units.Ratio(row.TrafficRatio), $"{row.Requests}",
                $"{row.Polls}", Units.Seconds(row.DownloadSeconds));
        }

        table.Caption($"downloaded: HTTP body bytes the device received; again / drop: bytes received twice per dropped connection; " +
                      $"traffic: against the fault-free run; time: device time checking and downloading; {report.WallSeconds:0.0} s of real time");
        return table;
    }

    public static Table TimeModel(TimeModelReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("time model: modeled device time against the physical floor");
        table.AddColumn("phase");
        table.AddColumn(new TableColumn("modeled").RightAligned());
        table.AddColumn(new TableColumn("floor").RightAligned());
        table.AddColumn(new TableColumn("ratio").RightAligned());
        table.AddColumn("floor is");
        foreach (TimeModelRow row in report.Rows)
        {
            table.AddRow(Markup.Escape(row.Phase), Units.Seconds(row.ModeledSeconds), Units.Seconds(row.FloorSeconds),
                Units.Ratio(row.Ratio), Markup.Escape(row.FloorBasis));
        }

        return table;
    }

    private static string Bricks(int count, bool bold = false) =>
        count == 0 ? (bold ? "[bold green]0[/]" : "[green]0[/]") : $"[bold red]{count}[/]";
}
