using Marketplace.Web.Budgets;

namespace Marketplace.Tests.Unit.Budgets;

public sealed class BudgetFiguresTests
{
    [Theory]
    [InlineData(0, 1_000_00, LineUse.Open)]
    [InlineData(799_99, 1_000_00, LineUse.Open)]
    [InlineData(800_00, 1_000_00, LineUse.Warning)]
    [InlineData(999_99, 1_000_00, LineUse.Warning)]
    [InlineData(1_000_00, 1_000_00, LineUse.Full)]
    [InlineData(0, 0, LineUse.Open)]
    [InlineData(1, 0, LineUse.Full)]
    public void APlanLine_WarnsAt80Percent_AndIsFullAt100(long spent, long approved, LineUse expected) =>
        Assert.Equal(expected, BudgetFigures.UseOf(spent, approved));

    [Fact]
    public void Euros_AreShownInTheReadersCulture()
    {
        using (Marketplace.Web.Localization.CultureScope.Use("de"))
        {
            Assert.Equal("1.234,50", BudgetFigures.Euros(1_234_50));
        }

        using (Marketplace.Web.Localization.CultureScope.Use("en"))
        {
            Assert.Equal("1,234.50", BudgetFigures.Euros(1_234_50));
        }
    }
}
