using Marketplace.Web.Budgets;
using Marketplace.Web.Domain;

namespace Marketplace.Tests.Unit.Budgets;

/// <summary>Kilometres at the town's rate, the IBAN checksum and the allowance warnings of volunteers' claims.</summary>
public sealed class ReimbursementRulesTests
{
    [Theory]
    [InlineData(42, 30, 1260)]
    [InlineData(1, 20, 20)]
    [InlineData(2000, 35, 70000)]
    public void KilometreAmount_IsKilometresTimesTheRate(int kilometres, long rateCents, long expected) =>
        Assert.Equal(expected, BudgetRules.KilometreAmount(kilometres, rateCents));

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData("de89370400440532013000", "DE89370400440532013000")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432")]
    [InlineData("AT61 1904 3002 3457 3201", "AT611904300234573201")]
    [InlineData("NL91ABNA0417164300", "NL91ABNA0417164300")]
    public void AValidIban_IsNormalised(string typed, string expected) => Assert.Equal(expected, Iban.Normalize(typed));

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 01")] // one digit off
    [InlineData("DE98 3704 0044 0532 0130 00")] // check digits swapped
    [InlineData("DE89 3704 0044 0532 0130")]    // too short for the checksum to hold
    [InlineData("1289370400440532013000")]
    [InlineData("DE89-3704-0044-0532-0130-00")]
    [InlineData("")]
    [InlineData(null)]
    public void AnInvalidIban_IsRefused(string? typed) => Assert.Null(Iban.Normalize(typed));

    [Fact]
    public void AnIban_IsFormattedInFours() => Assert.Equal("DE89 3704 0044 0532 0130 00", Iban.Format("DE89370400440532013000"));

    [Theory]
    [InlineData(671_99, AllowanceLevel.Below)]
    [InlineData(672_00, AllowanceLevel.Near)]
    [InlineData(840_00, AllowanceLevel.Near)]
    [InlineData(840_01, AllowanceLevel.Over)]
    public void TheVolunteerAllowance_WarnsFrom80PerCent_AndAboveIt(long cents, AllowanceLevel level) =>
        Assert.Equal(level, ReimbursementRules.Level(cents, BudgetRules.VolunteerAllowanceCents));

    [Theory]
    [InlineData(2_399_99, AllowanceLevel.Below)]
    [InlineData(2_400_00, AllowanceLevel.Near)]
    [InlineData(3_000_01, AllowanceLevel.Over)]
    public void TheTrainerAllowance_HasItsOwnThresholds(long cents, AllowanceLevel level) =>
        Assert.Equal(level, ReimbursementRules.Level(cents, BudgetRules.TrainerAllowanceCents));

    [Fact]
    public void AMonthAbove250Euros_IsNamed_EvenWhenTheYearIsBelowEveryAllowance()
    {
        var months = new long[12];
        months[2] = 250_01;
        months[5] = 250_00;
        var standing = new AllowanceStanding(2026, months.Sum(), months, CurrentMonth: 6);

        Assert.Equal([3], standing.MonthsOverBenefitLimit);
        Assert.Equal(AllowanceLevel.Near, standing.ShownMonth);
        Assert.Equal(AllowanceLevel.Below, standing.Trainer);
        Assert.True(standing.AnyWarning);
    }

    [Fact]
    public void NothingClaimed_WarnsOfNothing() =>
        Assert.False(new AllowanceStanding(2026, 0, new long[12], 1).AnyWarning);

    [Theory]
    [InlineData(ReimbursementType.Kilometres, CostLines.Travel, false)]
    [InlineData(ReimbursementType.PublicTransport, CostLines.Travel, true)]
    [InlineData(ReimbursementType.Material, CostLines.Material, true)]
    [InlineData(ReimbursementType.Other, CostLines.Other, true)]
    public void EachType_HasItsLine_AndOnlyKilometresGoWithoutReceipt(ReimbursementType type, CostLines line, bool receipt)
    {
        Assert.Equal(line, ReimbursementRules.LineFor(type));
        Assert.Equal(receipt, ReimbursementRules.NeedsReceipt(type));
    }
}
