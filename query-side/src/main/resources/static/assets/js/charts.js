// Draws each element with a data-chart attribute (a Chart: categories and named series of pounds) with ECharts.
// Series are told apart by name in the legend and by pattern and line style, never by colour alone; the table
// after each chart states the same figures.
(function () {
    'use strict';
    var pounds = new Intl.NumberFormat('en-GB', {style: 'currency', currency: 'GBP'});
    var compact = new Intl.NumberFormat('en-GB', {style: 'currency', currency: 'GBP', notation: 'compact'});
    var lineStyles = ['solid', 'dashed', 'dotted'];
    var symbols = ['circle', 'triangle', 'diamond', 'rect'];
    // GOV.UK Design System colours: blue, green, orange, red, purple
    var colours = ['#1d70b8', '#00703c', '#f47738', '#d4351c', '#4c2c92'];
    var text = {color: '#0b0c0c', fontFamily: '"GDS Transport", arial, sans-serif', fontSize: 14};

    function series(spec, index) {
        if (spec.kind === 'BAR') {
            return {name: spec.name, type: 'bar', data: spec.data};
        }
        var reference = spec.kind === 'REFERENCE';
        return {
            name: spec.name, type: 'line', data: spec.data, step: reference ? 'middle' : false,
            symbol: reference ? 'none' : symbols[index % symbols.length], symbolSize: 9,
            lineStyle: {width: reference ? 3 : 2, type: reference ? 'dashed' : lineStyles[index % lineStyles.length]}
        };
    }

    function draw(element) {
        var chart = JSON.parse(element.getAttribute('data-chart'));
        var instance = echarts.init(element);
        instance.setOption({
            animation: false,
            color: colours,
            textStyle: text,
            aria: {enabled: true, label: {enabled: false}, decal: {show: true}},
            legend: {top: 0, type: 'scroll', textStyle: text},
            grid: {top: 48, left: 16, right: 16, bottom: 8, containLabel: true},
            tooltip: {trigger: 'axis', valueFormatter: function (value) { return pounds.format(value); }},
            xAxis: {
                type: 'category', data: chart.categories, axisLine: {lineStyle: {color: '#0b0c0c'}},
                // every year named; slanted when there are too many to stand side by side
                axisLabel: Object.assign({interval: 0, rotate: chart.categories.length > 12 ? 45 : 0}, text)
            },
            yAxis: {type: 'value', axisLabel: {color: text.color, fontFamily: text.fontFamily, fontSize: 14, formatter: function (value) { return compact.format(value); }}},
            series: chart.series.map(series)
        });
        window.addEventListener('resize', function () { instance.resize(); });
    }

    document.querySelectorAll('[data-chart]').forEach(draw);
})();
