module drillkit/launcher

go 1.24
