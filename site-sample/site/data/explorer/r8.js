window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/r8"]=[["sql-nwl-prod-weu","50e25bfc25",2]];
