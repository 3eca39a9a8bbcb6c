namespace BuildTests.Delivery.Chart;

/// <summary>The axes: from 0 to a round maximum, in round steps, never fewer than the largest value.</summary>
public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(100, 4, 100, 25)]
    [InlineData(40, 4, 40, 10)]
    [InlineData(7, 4, 8, 2)]
    [InlineData(0.3, 4, 0.3, 0.1)]
    [InlineData(1, 4, 1, 0.25)]
    [InlineData(104, 6, 120, 20)]
    [InlineData(34, 20, 34, 2)]
    [InlineData(0, 4, 1, 0.25)] // nothing measured: an axis still
    [InlineData(double.NaN, 4, 1, 0.25)]
    public void The_axis_is_the_smallest_round_one_that_holds_the_largest_value(double largest, int steps, double max, double step) =>
        Assert.Equal(new ChartScale(max, step), ChartScale.For(largest, steps));

    [Fact]
    public void Ticks_run_from_0_to_the_maximum_and_read_without_float_noise()
    {
        Assert.Equal([0, 25, 50, 75, 100], new ChartScale(100, 25).Ticks);
        Assert.Equal(["0", "0.1", "0.2", "0.3"], ChartScale.For(0.3).Ticks.Select(ChartScale.Label));
    }

    [Fact]
    public void A_value_lies_on_the_axis_as_a_fraction_clamped_to_it()
    {
        var scale = new ChartScale(100, 25);

        Assert.Equal([0, 0.5, 1, 1], new double[] { 0, 50, 100, 150 }.Select(scale.Fraction));
    }
}
