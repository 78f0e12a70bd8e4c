using Spectre.Console;

namespace Stm32NanoUpdater.Simulation.Reporting;

/// <summary>
/// The per-phase summary as a console table: bytes over the wire, HTTP requests, NOR and MCU (internal) flash programs and
/// erases, modeled device time, result.
/// </summary>
public static class PhaseTable
{
    public static Table Build(IReadOnlyList<PhaseSummaryRow> rows, PhaseSummaryRow total, string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumn(new TableColumn("step").NoWrap());
        table.AddColumn(new TableColumn("phase").NoWrap());
        table.AddColumn(new TableColumn("wire").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("req").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("NOR prog/erase").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("MCU prog/erase").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("time").RightAligned().NoWrap());
        table.AddColumn("result");
        string step = "";
        foreach (PhaseSummaryRow row in rows)
        {
            table.AddRow(Cells(row, row.Step == step ? "" : row.Step, bold: false));
            step = row.Step;
        }

        table.AddRow(Cells(total, "", bold: true));
        return table;
    }

    private static Markup[] Cells(PhaseSummaryRow row, string step, bool bold)
    {
        string b(string text) => bold ? $"[bold]{Markup.Escape(text)}[/]" : Markup.Escape(text);
        return
        [
            new Markup(b(step)), new Markup(b(row.Phase)),
            new Markup(b(row.WireBytes == 0 ? "–" : Units.Bytes(row.WireBytes))),
            new Markup(b(Units.Count(row.Requests))),
            new Markup(b(Units.Pair(row.NorPrograms, row.NorErases))),
            new Markup(b(Units.Pair(row.InternalPrograms, row.InternalErases))),
            new Markup(b(Units.Seconds(row.DeviceSeconds))),
            new Markup(b(row.Result)),
        ];
    }
}
