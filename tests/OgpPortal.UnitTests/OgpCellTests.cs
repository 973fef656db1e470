using OgpPortal.Domain.Irm;
using OgpPortal.Infrastructure.Interchange;

namespace OgpPortal.UnitTests;

/// <summary>How the cells of OGP's data are read (docs/data-interchange.md): dates never guessed into a day, placeholders kept apart.</summary>
public sealed class OgpCellTests
{
    [Theory]
    [InlineData("1/1/2024", false, 2024, 1, 1)]
    [InlineData("12/31/2020", false, 2020, 12, 31)]
    [InlineData("6/30/2019", false, 2019, 6, 30)]
    [InlineData("31/12/2014", false, 2014, 12, 31)]
    [InlineData("3/4/2015", true, 2015, 4, 3)]
    [InlineData("3/4/2015", false, 2015, 3, 4)]
    [InlineData("8/21/20", false, 2020, 8, 21)]
    [InlineData("2019-03-01", false, 2019, 3, 1)]
    [InlineData("43525", false, 2019, 3, 1)]
    public void A_cell_that_names_a_day_is_read_as_that_day(string cell, bool dayFirst, int year, int month, int day)
    {
        var reading = OgpCells.ReadDate(cell, dayFirst);

        Assert.Equal(new DateOnly(year, month, day), reading.Date);
        Assert.Null(reading.AsWritten);
    }

    [Theory]
    [InlineData("July 2014")]
    [InlineData("2012")]
    [InlineData("Quarter 4 2016")]
    [InlineData("I quarter of 2021")]
    [InlineData("Permanent activity")]
    [InlineData("Not Specified")]
    [InlineData("Unclear")]
    [InlineData("2/30/2014")]
    [InlineData("7/16/1905")]
    public void A_cell_that_names_no_day_is_kept_as_written(string cell)
    {
        var reading = OgpCells.ReadDate(cell, dayFirst: false);

        Assert.Null(reading.Date);
        Assert.Equal(cell, reading.AsWritten);
    }

    [Fact]
    public void The_row_reads_an_ambiguous_date_day_first_when_its_other_date_can_only_be_day_first()
    {
        Assert.True(OgpCells.IsDayFirst("31/12/2014"));
        Assert.False(OgpCells.IsDayFirst("12/31/2014"));
        Assert.False(OgpCells.IsDayFirst("5/6/2014"));
    }

    [Theory]
    [InlineData("ND", NoDataKind.NoData)]
    [InlineData("", NoDataKind.NoData)]
    [InlineData("  ", NoDataKind.NoData)]
    [InlineData("NR", NoDataKind.NotReviewed)]
    [InlineData("NA", NoDataKind.NotApplicable)]
    [InlineData("n/a", NoDataKind.NotApplicable)]
    public void Placeholders_keep_their_kind(string cell, NoDataKind kind)
    {
        Assert.Equal(kind, OgpCells.Placeholder(cell));
        Assert.Equal(kind, OgpCells.Scale<Specificity>(cell, "Specificity").Missing);
        Assert.Null(OgpCells.ReadDate(cell, false).AsWritten);
    }

    [Theory]
    [InlineData("High", Specificity.High)]
    [InlineData("c. high", Specificity.High)]
    [InlineData("b. Low", Specificity.Low)]
    [InlineData("None", Specificity.None)]
    public void Coded_values_are_read_with_or_without_the_IRM_explorers_letter(string cell, Specificity expected) =>
        Assert.Equal(expected, OgpCells.Scale<Specificity>(cell, "Specificity").Value);

    [Fact]
    public void A_value_off_the_scale_is_no_data_with_a_note_saying_so()
    {
        var reading = OgpCells.Scale<LegacyCompletion>("Withdrawn", "Completion");

        Assert.Null(reading.Value);
        Assert.Equal(NoDataKind.NoData, reading.Missing);
        Assert.Equal("'Withdrawn' is not on the scale of Completion; kept as no data.", reading.Note);
    }

    [Fact]
    public void The_apostrophe_an_export_puts_before_a_formula_like_text_is_taken_off()
    {
        Assert.Equal("- Any other relevant body", OgpCells.Text("'- Any other relevant body"));
        Assert.Equal("'Quoted' text", OgpCells.Text("'Quoted' text"));
        Assert.Null(OgpCells.Text("NA"));
    }

    [Fact]
    public void Missing_kinds_are_stored_as_short_text_and_read_back()
    {
        var kinds = new NoDataKinds([new(IrmIndicator.Specificity, NoDataKind.NotReviewed), new(IrmIndicator.Verifiable, NoDataKind.NoData), new(IrmIndicator.CompletionAtProgressReport, NoDataKind.NotApplicable)]);

        Assert.Equal("Specificity=NotReviewed;CompletionAtProgressReport=NotApplicable", kinds.ToString());
        Assert.Equal(kinds, NoDataKinds.Parse(kinds.ToString()));
        Assert.Equal(NoDataKind.NoData, kinds.Of(IrmIndicator.Verifiable));
    }
}
