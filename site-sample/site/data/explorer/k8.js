window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k8"]=[["0cad812014f5","hmac-sha256","a80306e7f6f91472…",4]];
