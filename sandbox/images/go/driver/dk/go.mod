module drillkit/dk

go 1.27
